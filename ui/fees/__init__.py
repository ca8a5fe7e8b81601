"""The finance officer's screens: payments waiting for verification (:mod:`ui.fees.page`)."""
