-- Notifications and webhooks, on top of the tables V5 created: one notification per member and post, the
-- e-mail digest's look-up of what is still to be mailed, and each webhook's last delivery for the admin view.

ALTER TABLE notification ADD CONSTRAINT uq_notification_user_post UNIQUE (user_id, post_id);

-- The digest: unread notifications not mailed yet.
CREATE INDEX ix_notification_digest ON notification (emailed_at, read_at, user_id);

-- Who added the webhook, and how its latest delivery went (the HTTP status or the error, never the secret).
ALTER TABLE webhook ADD COLUMN created_by VARCHAR(64);
ALTER TABLE webhook ADD COLUMN last_delivery_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook ADD COLUMN last_delivery_ok BOOLEAN;
ALTER TABLE webhook ADD COLUMN last_delivery_status VARCHAR(300);
