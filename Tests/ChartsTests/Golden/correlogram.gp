# Almanac figure: ACF
set terminal pdfcairo size 10in,4in font 'sans,14' background rgb 'white' noenhanced
set encoding utf8
set multiplot layout 1,2 title 'ACF' font ',16'
# panel 1
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.5 textcolor rgb '#222222'
set grid ytics lc rgb '#E5E5E5' lt 1 lw 1
set style fill solid 1.0 noborder
set key off
set title 'ACF'
set xlabel 'lag'
set xrange [0:12.5]
set yrange [-0.863540662166506:0.863540662166506]
$d1 << EOD
1 0.7850369656059145
2 0.539720806355329
3 0.37637186021949764
4 0.2729255636680902
5 0.22791247646599624
6 0.17683794829407173
7 0.10082885613261698
8 0.049386967901914866
9 0.08879781420765027
10 0.12182577949212473
11 0.2191647150663544
12 0.27492308398769344
EOD
set arrow from graph 0, first 0 to graph 1, first 0 nohead lc rgb '#333333' lw 1.5 dt 1 back
set arrow from graph 0, first 0.32666066666666665 to graph 1, first 0.32666066666666665 nohead lc rgb '#D55E00' lw 1.5 dt 2 back
set arrow from graph 0, first -0.32666066666666665 to graph 1, first -0.32666066666666665 nohead lc rgb '#D55E00' lw 1.5 dt 2 back
plot $d1 using 1:2 with impulses lw 3 lc rgb '#0072B2' title 'ACF'
# panel 2
reset
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.5 textcolor rgb '#222222'
set grid ytics lc rgb '#E5E5E5' lt 1 lw 1
set style fill solid 1.0 noborder
set key off
set title 'PACF'
set xlabel 'lag'
set xrange [0:12.5]
set yrange [-0.863540662166506:0.863540662166506]
$d2 << EOD
1 0.7850369656059145
2 -0.1995278772332708
3 0.06722308328568581
4 0.006925496432091776
5 0.07487289864185967
6 -0.060994832010232605
7 -0.06615343499250372
8 0.024380968625624277
9 0.1821889492690739
10 -0.044100504877272496
11 0.26877725535340935
12 -0.053901218295078754
EOD
set arrow from graph 0, first 0 to graph 1, first 0 nohead lc rgb '#333333' lw 1.5 dt 1 back
set arrow from graph 0, first 0.32666066666666665 to graph 1, first 0.32666066666666665 nohead lc rgb '#D55E00' lw 1.5 dt 2 back
set arrow from graph 0, first -0.32666066666666665 to graph 1, first -0.32666066666666665 nohead lc rgb '#D55E00' lw 1.5 dt 2 back
plot $d2 using 1:2 with impulses lw 3 lc rgb '#0072B2' title 'PACF'
unset multiplot
