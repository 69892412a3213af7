package it.ksanctions.portal.application;

import it.ksanctions.portal.application.CitizenRequests.RequestView;
import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.portal.application.PortalFiles.FileView;
import it.ksanctions.portal.application.PortalFiles.Grant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The act's whole page on the portal ({@code verbale.xhtml}): its file, the citizen's requests
 * about it and its instalment plans, read in one transaction instead of one each (a tenant-bound
 * transaction is the portal's unit of database work under load; see docs/benchmarks.md). The same
 * refusals as each part: an act the grant does not name is "not found".
 */
@ApplicationScoped
public class ActFilePages {

  /** What the act's page shows. */
  public record Page(FileView file, List<RequestView> requests, List<PlanView> plans) {}

  @Inject PortalFiles files;
  @Inject CitizenRequests requests;
  @Inject InstalmentRequests instalments;

  @Transactional
  public Page page(Grant grant, long verbaleId) {
    return new Page(
        files.file(grant, verbaleId),
        requests.ofVerbale(grant, verbaleId),
        instalments.ofVerbale(grant, verbaleId));
  }
}
