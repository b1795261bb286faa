# Almanac figure: Forecast from ETS(M,A,M)
set terminal pngcairo size 800,450 font 'sans,11' background rgb 'white' noenhanced
set encoding utf8
# panel 1
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.5 textcolor rgb '#222222'
set grid ytics lc rgb '#E5E5E5' lt 1 lw 1
set style fill solid 1.0 noborder
set key top left noopaque nobox samplen 2
set title 'Forecast from ETS(M,A,M)'
set xtics ('1949-01' -7670, '1949-07' -7489, '1950-01' -7305, '1950-07' -7124, '1951-01' -6940, '1951-07' -6759, '1952-01' -6575)
set autoscale xfix
$d1 << EOD
-6575 155 185
-6544 150 194
-6515 147 203
EOD
$d2 << EOD
-6575 160 180
-6544 158 186
-6515 157 193
EOD
$d3 << EOD
-7670 112
-7639 118
-7611 132
-7580 129
-7550 121
-7519 135
-7489 148
-7458 148
-7427 136
-7397 119
-7366 104
-7336 118
-7305 115
-7274 126
-7246 141
-7215 135
-7185 125
-7154 149
-7124 170
-7093 170
-7062 158
-7032 133
-7001 114
-6971 140
-6940 145
-6909 150
-6881 178
-6850 163
-6820 172
-6789 178
-6759 199
-6728 199
-6697 184
-6667 162
-6636 146
-6606 166
EOD
$d4 << EOD
-6606 166
-6575 170
-6544 172
-6515 175
EOD
$d5 << EOD
-6575 171
-6544 180
-6515 193
EOD
plot $d1 using 1:2:3 with filledcurves fc rgb '#0072B2' fs transparent solid 0.18 noborder title '95% interval', \
     $d2 using 1:2:3 with filledcurves fc rgb '#0072B2' fs transparent solid 0.32 noborder title '80% interval', \
     $d3 using 1:2 with lines lw 2 dt 1 lc rgb '#333333' title 'air passengers', \
     $d4 using 1:2 with lines lw 2.5 dt 1 lc rgb '#0072B2' title 'forecast', \
     $d5 using 1:2 with linespoints pt 7 ps 0.5 lw 2 dt 1 lc rgb '#D55E00' title 'actual'
