"""Record linkage: duplicates in the registry, matches with other organisations' lists,
overlaps and omissions."""
