//! WebAssembly binding (being written).
