package vn.chungtay.shared.validation;

/**
 * One problem with a caller's input: the field to blame ({@code null} for the input as a whole), a
 * message key and its arguments. Each module's "invalid input" exception carries a list of them.
 */
public interface FieldProblem {

    String field();

    String messageKey();

    Object[] argumentArray();
}
