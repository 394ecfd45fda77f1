package org.sigportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Shown when opening a view fails: a plain apology with a reference, never a stack trace. */
@AnonymousAllowed
public class ErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Could not open {}, reference {}", event.getLocation().getPath(), reference,
                parameter.getCaughtException());
        removeAll();
        addClassName("portal-page");
        add(new H2(getTranslation("error.page.title")),
                new Paragraph(getTranslation("error.unexpected", reference)));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
