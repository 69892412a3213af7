package it.ksanctions.permissions.application;

import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one authorisation mechanism of the application (PRM-2): a method (or every method of a class)
 * annotated with it runs only when the signed-in staff user's primary role is granted {@link
 * #action()} on {@link #module()} by the tenant's permission matrix; otherwise {@link
 * AccessDeniedException}. Views and REST resources call services carrying it, so no page-level
 * check is ever the only one.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Authorized {

  @Nonbinding
  AppModule module();

  @Nonbinding
  AppAction action();
}
