package it.ksanctions.sanctions.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an officer records, before the rules of {@link PreNotice#record} have checked it: from the
 * mobile app (with the device's own UUID and, for an immediate contestation, the verbale number of
 * a reserved block) or from a paper form typed in the office.
 */
public record PreNoticeDraft(
    UUID id,
    PreNoticeOrigin origin,
    Instant violationAt,
    String placeCode,
    String articleCode,
    Plate plate,
    VehicleType vehicleType,
    String officer,
    String department,
    String notes,
    List<Photo> photos,
    String deviceCode,
    String verbaleNumber) {

  public PreNoticeDraft {
    photos = photos == null ? List.of() : List.copyOf(photos);
  }
}
