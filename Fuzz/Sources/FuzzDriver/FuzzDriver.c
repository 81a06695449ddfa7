// Intentionally empty: the header declares libFuzzer's driver for Swift.
