# Almanac figure: Error by SKU
set terminal svg size 800,300 font 'sans,11' background rgb 'white' noenhanced
set encoding utf8
# panel 1
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.5 textcolor rgb '#222222'
set grid ytics lc rgb '#E5E5E5' lt 1 lw 1
set style fill solid 1.0 noborder
set key off
set title 'Error by SKU'
set palette defined (0 '#440154', 1 '#3B528B', 2 '#21908C', 3 '#5DC863', 4 '#FDE725')
set cblabel 'sMAPE'
set xtics ('h1' 0, 'h2' 1, 'h3' 2)
set ytics ('sku_1' 0, ('it'.sprintf('%c',39).'s') 1)
set xrange [-0.5:2.5]
set yrange [1.5:-0.5]
unset grid
$d1 << EOD
1 2 3
4 5 6
EOD
plot $d1 matrix with image pixels notitle
