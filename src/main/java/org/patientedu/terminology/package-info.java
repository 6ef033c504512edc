/**
 * Code families: which clinical context a clinical code belongs to, read from the implementation
 * guide's value sets (one source of truth, see {@link org.patientedu.terminology.CodeFamilies}),
 * and the terminology operations HAPI serves over the guide's code system fragments ({@code
 * ValueSet/$expand}, and the {@code :below}, {@code :above}, {@code :in} search modifiers).
 */
package org.patientedu.terminology;
