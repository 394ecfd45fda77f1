package org.sigportal.audit;

import org.junit.jupiter.api.Test;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail records, keeps failures through rollbacks, and filters; run on every database. */
@WithMockUser(username = "admin", roles = "ADMIN")
abstract class AuditTrailContract {

    @Autowired
    AuditService audit;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aSuccessExistsExactlyWhenItsTransactionCommits() {
        String committed = TestAccounts.uniqueUsername("committed");
        String rolledBack = TestAccounts.uniqueUsername("rolled-back");

        tx.executeWithoutResult(s -> audit.success("test.change", "thing", committed, null));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            audit.success("test.change", "thing", rolledBack, null);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(audit.find(filterText(committed), 0, 10)).hasSize(1);
        assertThat(audit.find(filterText(rolledBack), 0, 10)).isEmpty();
    }

    @Test
    void aFailureSurvivesTheRollbackOfTheOperationItDescribes() {
        String target = TestAccounts.uniqueUsername("failed");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            audit.failure("test.change", "thing", target, AuditOutcome.FAILURE, "refused by the server");
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        List<AuditEntry> entries = audit.find(filterText(target), 0, 10);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(e.detail()).isEqualTo("refused by the server");
        });
    }

    @Test
    void filtersCombineActorActionOutcomeTimeAndText() {
        String target = TestAccounts.uniqueUsername("filter");
        audit.recordAs("alice", "test.filter", "thing", target, AuditOutcome.SUCCESS, "first");
        audit.recordAs("bob", "test.filter", "thing", target, AuditOutcome.DENIED, "second");
        audit.recordAs("alice", "test.other", "thing", target, AuditOutcome.SUCCESS, "third");

        assertThat(audit.count(new AuditFilter("ALI", null, null, null, null, target))).isEqualTo(2);
        assertThat(audit.count(new AuditFilter(null, "test.filter", null, null, null, target))).isEqualTo(2);
        assertThat(audit.count(new AuditFilter(null, null, AuditOutcome.DENIED, null, null, target))).isEqualTo(1);
        assertThat(audit.count(new AuditFilter(null, null, null, OffsetDateTime.now().plusDays(1), null, target)))
                .isZero();
        assertThat(audit.count(new AuditFilter(null, null, null, OffsetDateTime.now().minusDays(1),
                OffsetDateTime.now().plusDays(1), target))).isEqualTo(3);
        assertThat(audit.find(new AuditFilter(null, null, null, null, null, target), 0, 10))
                .extracting(AuditEntry::detail).containsExactly("third", "second", "first");
        assertThat(audit.actions()).contains("test.filter", "test.other");
    }

    @Test
    void likeWildcardsInAFilterAreMatchedLiterally() {
        String target = TestAccounts.uniqueUsername("wild");
        audit.recordAs("carol", "test.wild", "thing", target, AuditOutcome.SUCCESS, "100% done");
        assertThat(audit.count(new AuditFilter(null, "test.wild", null, null, null, "100%"))).isEqualTo(1);
        assertThat(audit.count(new AuditFilter(null, "test.wild", null, null, null, "1_0"))).isZero();
    }

    @Test
    void overlongDetailsAreCutNotRefused() {
        String target = TestAccounts.uniqueUsername("long");
        audit.recordAs("dave", "test.long", "thing", target, AuditOutcome.SUCCESS, "x".repeat(5000));
        assertThat(audit.find(filterText(target), 0, 1)).singleElement()
                .satisfies(e -> assertThat(e.detail()).hasSize(AuditService.MAX_DETAIL).endsWith("…"));
    }

    private static AuditFilter filterText(String text) {
        return new AuditFilter(null, null, null, null, null, text);
    }
}
