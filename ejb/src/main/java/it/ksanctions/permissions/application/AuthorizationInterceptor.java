package it.ksanctions.permissions.application;

import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Enforces {@link Authorized} against the signed-in user's permissions (see {@link CurrentStaff}).
 */
@Authorized(module = AppModule.PERMISSIONS, action = AppAction.ACCESS)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class AuthorizationInterceptor {

  @Inject CurrentStaff currentStaff;

  @AroundInvoke
  public Object authorize(InvocationContext invocation) throws Exception {
    Authorized required = invocation.getMethod().getAnnotation(Authorized.class);
    if (required == null) {
      required = invocation.getMethod().getDeclaringClass().getAnnotation(Authorized.class);
    }
    if (required != null) {
      currentStaff.require(required.module(), required.action());
    }
    return invocation.proceed();
  }
}
