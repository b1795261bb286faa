# Almanac figure: 
set terminal svg size 800,450 font 'sans,11' background rgb 'white' noenhanced
set encoding utf8
# panel 1
set border 11 lc rgb '#555555'
set tics nomirror out scale 0.5 textcolor rgb '#222222'
set grid ytics lc rgb '#E5E5E5' lt 1 lw 1
set style fill solid 1.0 noborder
set key below noopaque nobox samplen 2
set xtics ('a' 0, 'b' 1, 'c' 2, 'd' 3)
set xrange [-0.5:3.5]
set ylabel 'value'
set yrange [0:*]
set y2tics nomirror
set y2label 'cumulative share'
set format y2 '%g%%'
set y2range [0:100]
$d1 << EOD
0 50
1 30
EOD
$d2 << EOD
2 15
EOD
$d3 << EOD
3 5
EOD
$d4 << EOD
0 50
1 80
2 95
3 100
EOD
set arrow from graph 0, second 80 to graph 1, second 80 nohead lc rgb '#D55E00' lw 1.5 dt 2 back
set arrow from graph 0, second 95 to graph 1, second 95 nohead lc rgb '#D55E00' lw 1.5 dt 2 back
plot $d1 using 1:2:(0.8) with boxes fc rgb '#0072B2' fs solid 0.85 noborder title 'class A', \
     $d2 using 1:2:(0.8) with boxes fc rgb '#E69F00' fs solid 0.85 noborder title 'class B', \
     $d3 using 1:2:(0.8) with boxes fc rgb '#777777' fs solid 0.85 noborder title 'class C', \
     $d4 using 1:2 axes x1y2 with linespoints pt 7 ps 0.5 lw 2 dt 1 lc rgb '#333333' title 'cumulative'
