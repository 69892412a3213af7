package it.ksanctions.command;

import java.io.Serializable;

/**
 * Every section of the Organizzazione page reloads what it shows, as one page: fired by a section
 * after a change it saved (a department's members follow the assignments, the forms' choices follow
 * the departments and the functional roles, the tables' labels follow the departments) and when the
 * list of assignments is refreshed. Only the sections' views already on the page reload.
 */
public record OrganisationViewReload() implements Serializable {}
