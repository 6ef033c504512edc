package org.patientedu.infobutton;

/**
 * How to answer an error: in the format asked when it can be read, JSONP only with a callback that
 * is safe to echo (else plain JSON), XML when the format itself is what is wrong.
 */
record ErrorFormat(ResponseFormat format, String callback) {}
