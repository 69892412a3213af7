/**
 * The product on one machine, for the README's run command, the integration-test harness and the
 * benchmarks: {@link it.ksanctions.devstack.Postgres} finds or starts a database, {@link
 * it.ksanctions.devstack.WildFlyServer} runs the Galleon-provisioned server, {@link
 * it.ksanctions.devstack.PlatformClient} calls the platform API. Nothing here is deployed.
 */
package it.ksanctions.devstack;
