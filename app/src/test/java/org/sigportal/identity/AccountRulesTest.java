package org.sigportal.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "zhang.wei", "li_na-2", "a23456789012345678901234567890bc"})
    void acceptsUserNames(String name) {
        assertThatCode(() -> AccountRules.checkUsername(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Admin", ".dot", "has space", "张伟", "a234567890123456789012345678901bc",
            "x<script>"})
    void refusesUserNames(String name) {
        assertThatThrownBy(() -> AccountRules.checkUsername(name)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.org", "li.na+sig@example.com.cn"})
    void acceptsEmails(String email) {
        assertThatCode(() -> AccountRules.checkEmail(email)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a@b", "@b.org", "a b@c.org", "a@@b.org"})
    void refusesEmails(String email) {
        assertThatThrownBy(() -> AccountRules.checkEmail(email)).isInstanceOf(InvalidInputException.class);
    }
}
