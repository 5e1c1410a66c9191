package org.vpspanel.api;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as an RFC 9457 problem detail (application/problem+json). Client mistakes are 400
 * and name the fields in {@code errors: [{field, message}]}; an object the caller may not see is 404, an
 * action its role may not take 403. Services change nothing when they refuse.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException e) {
        return badRequest(e.violations());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role may not do this");
    }

    /** Unreadable bodies: malformed JSON, unknown properties, values of the wrong type. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        FieldViolation violation = switch (e.getMostSpecificCause()) {
            case UnrecognizedPropertyException unknown -> new FieldViolation(path(unknown),
                    "Unknown property '" + unknown.getPropertyName() + "'");
            case MismatchedInputException mismatch when !mismatch.getPath().isEmpty() ->
                    new FieldViolation(path(mismatch), "Expected " + expected(mismatch));
            case StreamReadException malformed -> new FieldViolation("body",
                    "Malformed JSON: " + malformed.getOriginalMessage());
            default -> new FieldViolation("body", "Send a JSON object as the request body");
        };
        return ResponseEntity.badRequest().body(badRequest(List.of(violation)));
    }

    /** Path variables and query parameters that do not convert, such as {@code /partitions/abc}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        String type = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(badRequest(List.of(new FieldViolation(name,
                "'" + e.getValue() + "' is not a valid " + type))));
    }

    private static ProblemDetail badRequest(List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", violations);
        return problem;
    }

    /** The JSON path of the offending value, e.g. {@code plan} or {@code items[2].name}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number"
                : type == String.class ? "a string" : "a " + type.getSimpleName();
    }
}
