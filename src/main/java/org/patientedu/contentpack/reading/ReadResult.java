package org.patientedu.contentpack.reading;

import java.util.List;
import org.patientedu.contentpack.page.ImportReport;
import org.patientedu.contentpack.page.SourceBlock;

/**
 * What a reader hands to the recognisers.
 *
 * @param blocks blocks in page order
 * @param documentTitle HTML &lt;title&gt;, used only when no better title is found; null for text
 * @param dropped content the reader itself removed (HTML scripts, navigation, comments...)
 * @param notes reader judgement calls (joined broken lines, dropped captions)
 */
public record ReadResult(
    List<SourceBlock> blocks,
    String documentTitle,
    List<ImportReport.Line> dropped,
    List<String> notes) {}
