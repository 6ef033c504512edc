package org.patientedu.contentpack.page;

/**
 * A block as a reader found it, before recognisers decide what it is.
 *
 * @param block the content
 * @param standalone text input: the line stands alone between blank lines (a heading candidate);
 *     HTML input: always false, the markup already says what is a heading
 */
public record SourceBlock(Block block, boolean standalone) {}
