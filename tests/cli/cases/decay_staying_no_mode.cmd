$ILC staying-power $SRC/datasets/fading
