$ILC staying-power $SRC/datasets/fading --event e99
