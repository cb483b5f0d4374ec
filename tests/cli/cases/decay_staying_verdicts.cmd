$ILC staying-power $SRC/datasets/bridge-decay --all-events --horizon 180d --dormancy 90d --format csv | cut -d, -f1,6,18
