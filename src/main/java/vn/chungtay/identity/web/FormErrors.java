package vn.chungtay.identity.web;

import org.springframework.validation.BindingResult;
import vn.chungtay.identity.InvalidUserInput;

/** Puts the problems of an {@link InvalidUserInput} next to the fields they concern. */
final class FormErrors {

    private FormErrors() {}

    static void addTo(BindingResult result, InvalidUserInput invalid) {
        for (InvalidUserInput.Problem problem : invalid.problems()) {
            if (problem.field() == null) {
                result.reject(problem.messageKey());
            } else {
                result.rejectValue(problem.field(), problem.messageKey());
            }
        }
    }
}
