package archfixture.command.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A JPA entity in a domain package: breaks rule (e). */
@Entity
public class Setting {
  @Id public String key;
}
