package it.ksanctions.sanctions;

import it.ksanctions.sanctions.application.Worklist;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The command's worklist on the back office's home page (issue 14 item 7). */
@Named
@RequestScoped
public class WorklistView {

  @Inject Worklist worklist;

  private Worklist.View today;

  @PostConstruct
  void load() {
    today = Feedback.attempt(() -> worklist.today(), null);
  }

  public Worklist.View getToday() {
    return today;
  }
}
