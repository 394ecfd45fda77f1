package org.sigportal.base.api;

import jakarta.servlet.http.HttpServletRequest;
import org.sigportal.base.PortalException;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.UUID;

/**
 * REST errors in the caller's language (Accept-Language). A refusal's {@link PortalException.Kind} decides the
 * status (400, 403, 404, 409, 422, 429, 503); missing rights are 403; a parameter that is missing or of the wrong
 * type is 400 and names the parameter; other faults of the request keep the status Spring gives them (404, 405,
 * 415, ...). Only a fault of the portal itself is 500, with a reference for the log, never a stack trace.
 */
@RestControllerAdvice(basePackages = "org.sigportal")
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(PortalException.class)
    ResponseEntity<ApiError> refused(PortalException e, HttpServletRequest request) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return ResponseEntity.status(status).body(new ApiError(code(e.kind()),
                PortalI18NProvider.translate(e.messageKey(), request.getLocale(), e.arguments()), e.field()));
    }

    /** The stable error codes of the API, one per kind of refusal. */
    static String code(PortalException.Kind kind) {
        return switch (kind) {
            case INVALID -> "invalid";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case UNPROCESSABLE -> "unprocessable";
            case TOO_MANY -> "too-many-requests";
            case UNAVAILABLE -> "unavailable";
        };
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> denied(RuntimeException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("forbidden",
                PortalI18NProvider.translate("error.access-denied", request.getLocale()), null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(new ApiError("unreadable",
                PortalI18NProvider.translate("error.unreadable-request", request.getLocale()), null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(new ApiError("invalid",
                PortalI18NProvider.translate("error.parameter-invalid", request.getLocale(), e.getName(),
                        String.valueOf(e.getValue())), e.getName()));
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ApiError> wrongType(TypeMismatchException e, HttpServletRequest request) {
        String name = e.getPropertyName() == null ? "?" : e.getPropertyName();
        return ResponseEntity.badRequest().body(new ApiError("invalid",
                PortalI18NProvider.translate("error.parameter-invalid", request.getLocale(), name,
                        String.valueOf(e.getValue())), e.getPropertyName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(new ApiError("invalid",
                PortalI18NProvider.translate("error.parameter-missing", request.getLocale(), e.getParameterName()),
                e.getParameterName()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response && response.getStatusCode().value() < 500) {
            // A fault of the request that Spring recognised (no such path, wrong method or media type).
            HttpStatusCode status = response.getStatusCode();
            return ResponseEntity.status(status).body(new ApiError("request",
                    PortalI18NProvider.translate("error.request-refused", request.getLocale(), status.value()),
                    null));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected API error, reference {}", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiError("internal",
                PortalI18NProvider.translate("error.unexpected", request.getLocale(), reference), null));
    }
}
