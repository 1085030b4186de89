//! Who a recommendation calls on.
