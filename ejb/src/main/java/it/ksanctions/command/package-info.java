/**
 * Command module (SPEC CMD-1…; seed 001 §11.5): the settings each police command governs. For now
 * only the key/value settings that the home page reads; registry, fees, budget chapters and
 * numbering come with the Command issue.
 */
package it.ksanctions.command;
