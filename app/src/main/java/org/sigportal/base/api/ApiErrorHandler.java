package org.sigportal.base.api;

import jakarta.servlet.http.HttpServletRequest;
import org.sigportal.base.ConcurrentEditException;
import org.sigportal.base.PortalException;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.UUID;

/**
 * REST errors in the caller's language (Accept-Language): refusals are 400, conflicts 409, missing rights 403,
 * and anything unexpected 500 with a reference for the log, never a stack trace.
 */
@RestControllerAdvice(basePackages = "org.sigportal")
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ConcurrentEditException.class)
    ResponseEntity<ApiError> conflict(ConcurrentEditException e, HttpServletRequest request) {
        return body(HttpStatus.CONFLICT, "conflict", e, request);
    }

    @ExceptionHandler(PortalException.class)
    ResponseEntity<ApiError> refused(PortalException e, HttpServletRequest request) {
        return body(HttpStatus.BAD_REQUEST, "invalid", e, request);
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected API error, reference {}", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiError("internal",
                PortalI18NProvider.translate("error.unexpected", request.getLocale(), reference), null));
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String code, PortalException e,
                                                 HttpServletRequest request) {
        return ResponseEntity.status(status).body(new ApiError(code,
                PortalI18NProvider.translate(e.messageKey(), request.getLocale(), e.arguments()), e.field()));
    }
}
