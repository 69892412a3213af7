package it.ksanctions.command;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.Change;
import it.ksanctions.command.application.IntegrationCredentials.IntegrationView;
import it.ksanctions.command.application.IntegrationCredentials.SecretState;
import it.ksanctions.command.domain.ConnectionTestOutcome;
import it.ksanctions.command.domain.IntegrationField;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Comando &gt; Integrazioni (CMD-6, PLT-6): one panel per integration with its fields; secrets are
 * shown only as a mask with who set them and when, typed into inputs that are never filled back (an
 * empty one keeps the stored secret); Save with an optional reference, and "Verifica connessione"
 * with its outcome. The typed secrets are dropped after every action, so they live in the view
 * state no longer than one request.
 */
@Named
@ViewScoped
public class IntegrationsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Rome"));

  @Inject IntegrationCredentials credentials;

  private transient Map<IntegrationKind, IntegrationView> views;
  private final Map<IntegrationKind, Map<String, String>> values =
      new EnumMap<>(IntegrationKind.class);
  private final Map<IntegrationKind, Map<String, String>> secrets =
      new EnumMap<>(IntegrationKind.class);
  private final Map<IntegrationKind, Map<String, Boolean>> remove =
      new EnumMap<>(IntegrationKind.class);
  private final Map<IntegrationKind, String> references = new EnumMap<>(IntegrationKind.class);

  @PostConstruct
  void load() {
    reload();
  }

  private void reload() {
    List<IntegrationView> found = Feedback.attempt(() -> credentials.views(), null);
    views = new EnumMap<>(IntegrationKind.class);
    for (IntegrationKind kind : IntegrationKind.values()) {
      values.put(kind, new HashMap<>());
      secrets.put(kind, new HashMap<>());
      remove.put(kind, new HashMap<>());
    }
    if (found != null) {
      for (IntegrationView view : found) {
        views.put(view.kind(), view);
        values.get(view.kind()).putAll(view.values());
      }
    }
  }

  private void forgetTypedSecrets(IntegrationKind kind) {
    secrets.put(kind, new HashMap<>());
    remove.put(kind, new HashMap<>());
  }

  public List<IntegrationKind> getKinds() {
    return List.of(IntegrationKind.values());
  }

  public IntegrationView view(IntegrationKind kind) {
    if (views == null) {
      reload();
    }
    return views.get(kind);
  }

  /** The masked state of a secret field: "••••••••1234 — impostata il 05/03/2026 da rossi". */
  public String secretState(IntegrationKind kind, String field) {
    IntegrationView view = view(kind);
    if (view == null) {
      return "";
    }
    for (SecretState state : view.secrets()) {
      if (state.field().name().equals(field)) {
        if (!state.set()) {
          return "Non impostato";
        }
        String text =
            state.mask()
                + " — impostato il "
                + (state.setAt() == null ? "?" : DAY.format(state.setAt()))
                + " da "
                + state.setBy();
        return state.note() == null ? text : text + ". " + state.note();
      }
    }
    return "";
  }

  public boolean secretSet(IntegrationKind kind, String field) {
    IntegrationView view = view(kind);
    return view != null
        && view.secrets().stream().anyMatch(s -> s.field().name().equals(field) && s.set());
  }

  /** "Ultima verifica il 05/03/2026 10:12: riuscita. …" or nothing. */
  public String lastTest(IntegrationKind kind) {
    IntegrationView view = view(kind);
    ConnectionTestOutcome test = view == null ? null : view.lastTest();
    if (test == null) {
      return view != null && view.configured() ? "Connessione non ancora verificata." : "";
    }
    return "Ultima verifica il "
        + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Rome"))
            .format(test.at())
        + ": "
        + (test.ok() ? "riuscita. " : "non riuscita. ")
        + test.message();
  }

  public boolean lastTestFailed(IntegrationKind kind) {
    IntegrationView view = view(kind);
    return view != null && view.lastTest() != null && !view.lastTest().ok();
  }

  public String updated(IntegrationKind kind) {
    IntegrationView view = view(kind);
    if (view == null || !view.configured()) {
      return "Non configurata.";
    }
    return "Modificata il " + DAY.format(view.updatedAt()) + " da " + view.updatedBy() + ".";
  }

  public void save(IntegrationKind kind) {
    Set<String> removing = new HashSet<>();
    remove
        .get(kind)
        .forEach(
            (field, on) -> {
              if (Boolean.TRUE.equals(on)) {
                removing.add(field);
              }
            });
    Change change = new Change(values.get(kind), secrets.get(kind), removing, references.get(kind));
    forgetTypedSecrets(kind);
    boolean saved =
        Feedback.attempt(
            (Runnable) () -> credentials.save(kind, change),
            "Configurazione " + kind.italianLabel() + " salvata.");
    if (saved) {
      references.remove(kind);
      reload();
    }
  }

  public void test(IntegrationKind kind) {
    forgetTypedSecrets(kind);
    ConnectionTestOutcome outcome = Feedback.attempt(() -> credentials.testConnection(kind), null);
    if (outcome != null) {
      if (outcome.ok()) {
        Feedback.info(kind.italianLabel() + ": " + outcome.message());
      } else {
        Feedback.error(kind.italianLabel() + ": connessione non riuscita. " + outcome.message());
      }
      Map<String, String> typed = values.get(kind);
      reload();
      values.put(kind, typed);
    }
  }

  public List<IntegrationField> fields(IntegrationKind kind) {
    return kind.fields();
  }

  public Map<IntegrationKind, Map<String, String>> getValues() {
    return values;
  }

  public Map<IntegrationKind, Map<String, String>> getSecrets() {
    return secrets;
  }

  public Map<IntegrationKind, Map<String, Boolean>> getRemove() {
    return remove;
  }

  public Map<IntegrationKind, String> getReferences() {
    return references;
  }
}
