package org.triangulate.ingest.html;

import java.util.List;
import java.util.Objects;
import org.triangulate.ingest.SourceLine;
import org.triangulate.model.ArticleMetadata;
import org.triangulate.model.Removal;

/**
 * What {@link HtmlExtractor} found in a web page.
 *
 * @param blocks the article body, one block per paragraph, heading, list item or blockquote, in
 *     document order; each block's offset is the start of its element in the markup; empty when the
 *     page holds no article
 * @param removed what was dropped that had text (page chrome, captions, related links, comments,
 *     the headline and the byline), one entry per dropped element, in document order
 * @param metadata what the page says about the article
 */
public record HtmlPage(List<SourceLine> blocks, List<Removal> removed, ArticleMetadata metadata) {

  public HtmlPage {
    blocks = List.copyOf(blocks);
    removed = List.copyOf(removed);
    Objects.requireNonNull(metadata, "metadata");
  }
}
