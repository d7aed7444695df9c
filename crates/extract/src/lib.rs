//! liasse-extract
