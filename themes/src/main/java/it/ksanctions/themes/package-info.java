/**
 * Tenant themes (SPEC PLT-9; DESIGN "UI"). For now the default theme only: the Facelets layout
 * {@code /ksanctions/layout/page.xhtml} and the style sheet of resource library {@code
 * ksanctions-theme}, both served from {@code META-INF/resources} of this jar. Per-tenant branding
 * with inheritance comes with the themes issue.
 */
package it.ksanctions.themes;
