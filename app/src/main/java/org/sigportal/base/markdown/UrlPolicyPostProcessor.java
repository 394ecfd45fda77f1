package org.sigportal.base.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.PostProcessor;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the {@link UrlPolicy} to the Markdown tree, after every other post-processor: a link to a
 * refused address keeps its text and loses the link; an image from a host not on the allow-list becomes
 * a link to its address with the alt text as link text (or only the alt text: inside another link, when
 * the alt text holds a link itself, or when the address is no allowed link either).
 */
final class UrlPolicyPostProcessor implements PostProcessor {

    private final UrlPolicy policy;

    UrlPolicyPostProcessor(UrlPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Node process(Node document) {
        List<Link> links = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                images.add(image);
                visitChildren(image);
            }
        });
        for (Link link : links) {
            if (!policy.isAllowedLink(link.getDestination())) {
                unwrap(link);
            }
        }
        for (Image image : images) {
            String source = image.getDestination();
            if (policy.isAllowedImage(source)) {
                continue;
            }
            if (policy.isAllowedLink(source) && !insideLink(image) && !containsLink(image)) {
                Link link = new Link(source, image.getTitle());
                for (Node child = image.getFirstChild(); child != null; ) {
                    Node next = child.getNext();
                    link.appendChild(child);
                    child = next;
                }
                image.insertBefore(link);
                image.unlink();
            } else {
                unwrap(image);
            }
        }
        return document;
    }

    private static boolean insideLink(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof Link) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsLink(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Link || containsLink(child)) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the node by its children. */
    private static void unwrap(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }
}
