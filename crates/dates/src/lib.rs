//! liasse-dates
