package org.sigportal.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.sigportal.base.demo.DemoMode;
import org.sigportal.base.ui.AttentionItem;
import org.sigportal.base.ui.AttentionProvider;
import org.sigportal.base.ui.HomeWidget;

import java.util.Comparator;
import java.util.List;

/**
 * The front door: a signed-out visitor learns what the portal is; a signed-in user sees first what the features
 * put at the top for them ({@link HomeWidget}: an operator's fleet at a glance), then what needs them, gathered
 * from every feature's {@link AttentionProvider}.
 */
@Route("")
@RouteAlias("home")
@AnonymousAllowed
class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(AuthenticationContext authentication, List<AttentionProvider> providers, List<HomeWidget> widgets,
             DemoMode demoMode) {
        addClassName("portal-page");
        addClassName("portal-home");
        setId("home");
        if (demoMode.enabled()) {
            Paragraph demo = new Paragraph(getTranslation("home.demo-notice"));
            demo.addClassName("portal-notice");
            demo.setId("home-demo-notice");
            add(demo);
        }
        if (authentication.isAuthenticated()) {
            String user = authentication.getPrincipalName().orElse("");
            signedIn(user, providers, widgets);
        } else {
            signedOut();
        }
    }

    private void signedOut() {
        H1 title = new H1(getTranslation("home.title"));
        title.setId("home-title");
        add(title, new Paragraph(getTranslation("home.intro.1")), new Paragraph(getTranslation("home.intro.2")));
        HorizontalLayout cards = new HorizontalLayout(
                card(VaadinIcon.CLUSTER, "home.card.fleet.title", "home.card.fleet.text"),
                card(VaadinIcon.CUBES, "home.card.runtimes.title", "home.card.runtimes.text"),
                card(VaadinIcon.USERS, "home.card.community.title", "home.card.community.text"));
        cards.addClassName("portal-cards");
        cards.setWidthFull();
        Button signIn = new Button(getTranslation("nav.sign-in"), e -> UI.getCurrent().navigate("login"));
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.setId("home-sign-in");
        Button docs = new Button(getTranslation("home.read-docs"), e -> UI.getCurrent().navigate("docs"));
        add(cards, new HorizontalLayout(signIn, docs));
    }

    private void signedIn(String user, List<AttentionProvider> providers, List<HomeWidget> widgets) {
        H1 title = new H1(getTranslation("home.welcome", user));
        title.setId("home-title");
        add(title);
        // What a feature puts first for this user (an operator's fleet at a glance), above the attention list.
        widgets.stream().sorted(Comparator.comparingInt(HomeWidget::order))
                .forEach(w -> w.create().ifPresent(this::add));
        add(new H2(getTranslation("home.attention")));
        List<AttentionItem> items = providers.stream()
                .flatMap(p -> p.itemsFor(user, getLocale()).stream()).toList();
        if (items.isEmpty()) {
            Div empty = new Div();
            empty.addClassName("portal-empty-state");
            empty.setId("attention-empty");
            empty.add(VaadinIcon.CHECK_CIRCLE_O.create(), new Paragraph(getTranslation("home.attention.empty")));
            add(empty);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("attention-list");
            items.forEach(i -> list.add(new ListItem(new Anchor(i.route(), i.text()))));
            add(list);
        }
        add(new H2(getTranslation("home.next")));
        UnorderedList next = new UnorderedList(
                new ListItem(new Anchor("docs", getTranslation("home.next.docs"))),
                new ListItem(new Anchor("account", getTranslation("home.next.account"))));
        add(next);
    }

    private Component card(VaadinIcon icon, String titleKey, String textKey) {
        Div card = new Div();
        card.addClassName("portal-card");
        card.add(icon.create(), new H3(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
