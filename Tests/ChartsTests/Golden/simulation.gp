# Almanac figure: Inventory simulation
set terminal svg size 900,700 font 'sans,12' background rgb 'white' noenhanced
set encoding utf8
set multiplot layout 2,1 title 'Inventory simulation' font ',14'
# panel 1
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.5 textcolor rgb '#222222'
set grid ytics lc rgb '#E5E5E5' lt 1 lw 1
set style fill solid 1.0 noborder
set key below noopaque nobox samplen 2
set title 'Stock'
set xrange [0.5:6.5]
set ylabel 'units'
set yrange [*:22]
$d1 << EOD
1 10
2 6
3 2
4 0
5 12
6 8
EOD
$d2 << EOD
1 0
2 15
3 15
4 15
5 0
6 0
EOD
$d3 << EOD
1 0
2 0
3 0
4 -3
5 0
6 0
EOD
set arrow from graph 0, first 5 to graph 1, first 5 nohead lc rgb '#E69F00' lw 1.5 dt 2 back
set arrow from graph 0, first 20 to graph 1, first 20 nohead lc rgb '#CC79A7' lw 1.5 dt 2 back
set arrow from graph 0, first 0 to graph 1, first 0 nohead lc rgb '#333333' lw 1.5 dt 1 back
plot $d1 using 1:2 with steps lw 2 dt 1 lc rgb '#0072B2' title 'on hand', \
     $d2 using 1:2 with steps lw 2 dt 2 lc rgb '#009E73' title 'on order', \
     $d3 using 1:2 with steps lw 2 dt 1 lc rgb '#D55E00' title 'backordered', \
     NaN with lines lw 1.5 dt 2 lc rgb '#E69F00' title 's', \
     NaN with lines lw 1.5 dt 2 lc rgb '#CC79A7' title 'S'
# panel 2
reset
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.5 textcolor rgb '#222222'
set grid ytics lc rgb '#E5E5E5' lt 1 lw 1
set style fill solid 1.0 noborder
set key below noopaque nobox samplen 2
set title 'Demand, orders and stock-outs'
set xlabel 'period'
set xrange [0.5:6.5]
set ylabel 'units'
$d4 << EOD
1 4
2 4
3 4
4 5
5 3
6 4
EOD
$d5 << EOD
1 0
2 15
3 0
4 0
5 0
6 0
EOD
$d6 << EOD
4 3
EOD
plot $d4 using 1:2:(0.8) with boxes fc rgb '#56B4E9' fs solid 0.85 noborder title 'demand', \
     $d5 using 1:2 with impulses lw 2 lc rgb '#0072B2' title 'orders placed', \
     $d6 using 1:2 with points pt 9 ps 1.2 lc rgb '#D55E00' title 'stock-out'
unset multiplot
