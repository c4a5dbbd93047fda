"""legetjeneste: the municipality's doctor service and its GPs."""
