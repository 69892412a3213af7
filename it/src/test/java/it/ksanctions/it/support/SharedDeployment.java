package it.ksanctions.it.support;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * One deployment of the application for the whole test run (the suite used to deploy the 32 MB EAR
 * once per test class, about 7 s each). Every test class whose deployment is {@link
 * Deployments#shared()} (archive name {@value Deployments#SHARED}) uses the copy already on the
 * server: the first such class deploys it, the next ones skip deploying and undeploying it and
 * reuse its protocol data (the servlet that runs in-container tests, the base URL).
 *
 * <p>A test class that needs an application of its own (another EAR: a different persistence unit,
 * an upgrade, a cluster node's name) still deploys it: the shared copy is undeployed first, since
 * two copies of the application cannot share the web contexts, and the next class that uses the
 * shared deployment deploys it again. Other archives (the citizen API's WAR, which runs beside the
 * application) are deployed next to it.
 */
public class SharedDeployment implements LoadableExtension {

  private static final Logger LOG = Logger.getLogger(SharedDeployment.class.getName());

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Keeper.class);
  }

  /** Keeps the shared deployment on each container while the test run lasts. */
  public static class Keeper {

    /** Per container: the protocol data of the shared deployment while it is deployed there. */
    private static final Map<String, ProtocolMetaData> DEPLOYED = new HashMap<>();

    @Inject @DeploymentScoped private InstanceProducer<ProtocolMetaData> protocolMetaData;

    @Inject @DeploymentScoped private InstanceProducer<Deployment> deployment;

    @Inject @DeploymentScoped private InstanceProducer<DeploymentDescription> deploymentDescription;

    /** Runs inside the deployment context Arquillian activates (lower precedence = inner). */
    public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context)
        throws Exception {
      DeployDeployment event = context.getEvent();
      DeploymentDescription description = event.getDeployment().getDescription();
      if (!description.isArchiveDeployment()) {
        context.proceed();
        return;
      }
      String name = description.getArchive().getName();
      String container = event.getContainerName();
      ProtocolMetaData shared = DEPLOYED.get(container);
      if (Deployments.SHARED.equals(name)) {
        if (shared != null) {
          // what Arquillian's own deployment records, without deploying (test run mode, resources)
          deploymentDescription.set(description);
          deployment.set(event.getDeployment());
          protocolMetaData.set(shared);
          event.getDeployment().deployed();
          return;
        }
        context.proceed();
        DEPLOYED.put(container, protocolMetaData.get());
        return;
      }
      if (shared != null && name.endsWith(".ear")) {
        LOG.info(
            () ->
                "Undeploying the shared "
                    + Deployments.SHARED
                    + " before "
                    + name
                    + " on "
                    + container);
        event
            .getDeployableContainer()
            .undeploy(ShrinkWrap.create(EnterpriseArchive.class, Deployments.SHARED));
        DEPLOYED.remove(container);
      }
      context.proceed();
    }

    /** The shared deployment stays; everything else is undeployed as usual. */
    public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
      UnDeployDeployment event = context.getEvent();
      DeploymentDescription description = event.getDeployment().getDescription();
      if (description.isArchiveDeployment()
          && Deployments.SHARED.equals(description.getArchive().getName())
          && DEPLOYED.containsKey(event.getContainerName())) {
        event.getDeployment().undeployed();
        return;
      }
      context.proceed();
    }
  }
}
