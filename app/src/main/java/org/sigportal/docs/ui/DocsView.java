package org.sigportal.docs.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.sigportal.docs.DocPage;
import org.sigportal.docs.DocsService;

import java.util.List;

/** The built-in documentation: a table of contents beside the page, in the user's language. */
@Route("docs/:page?")
@AnonymousAllowed
class DocsView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String FIRST_PAGE = "getting-started";

    private final DocsService docs;
    private final SideNav toc = new SideNav();
    private final Div content = new Div();
    private String title = "";

    DocsView(DocsService docs) {
        this.docs = docs;
        addClassName("portal-docs");
        setWidthFull();
        toc.setLabel(getTranslation("docs.contents"));
        toc.setId("docs-toc");
        Nav nav = new Nav(toc);
        nav.addClassName("portal-docs-toc");
        content.addClassName("portal-docs-content");
        content.setId("docs-content");
        add(nav, content);
        setFlexGrow(1, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("page").orElse(FIRST_PAGE);
        List<DocPage> pages = docs.tableOfContents(getLocale());
        toc.removeAll();
        pages.forEach(p -> toc.addItem(new SideNavItem(p.title(), "docs/" + p.slug())));
        content.removeAll();
        docs.page(slug, getLocale()).ifPresentOrElse(page -> {
            title = page.title();
            if (!page.translated()) {
                Paragraph note = new Paragraph(getTranslation("docs.untranslated"));
                note.addClassName("portal-notice");
                content.add(note);
            }
            content.add(new Html("<article>" + page.html() + "</article>"));
        }, () -> {
            title = getTranslation("error.not-found.title");
            content.add(new Paragraph(getTranslation("docs.not-found")));
        });
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("nav.docs");
    }
}
