$ILC survival $SRC/datasets/fading --by colour
