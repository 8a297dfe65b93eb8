//! F1–F5: the five forms (being written).
