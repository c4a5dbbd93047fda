"""The rules of an agreement's life (RULES.md § 1, AGR-*), pure: the codes and rules as cited (`codes`), the
clocks that say what is due by when (`clocks`), the age limits (`ages`) and the guards that refuse a step
(`guards`). Every number comes in as a plain value, already resolved for its date by the service."""
