// Whether any typed relation exists (then co-mentions start switched off).
// $relTypes: the typed relationship types (cypher.model.TYPED_RELATIONS)
RETURN EXISTS { MATCH ()-[r]->() WHERE type(r) IN $relTypes } AS typed
