/**
 * A small code base that breaks every architecture rule once, on purpose: {@link
 * it.ksanctions.architecture.ArchitectureRulesSelfTest} shows that each rule finds its violation
 * here. Classes whose name ends in {@code View} play the web module.
 */
package archfixture;
