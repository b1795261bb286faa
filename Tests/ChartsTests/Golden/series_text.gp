# Almanac figure: 
set terminal dumb size 80,24 noenhanced
set encoding utf8
# panel 1
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.5 textcolor rgb '#222222'
set style fill solid 1.0 noborder
set key off
set xtics ('1949' -7670, '1950' -7305, '1951' -6940)
set autoscale xfix
$d1 << EOD
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
plot $d1 using 1:2 with lines lw 2 dt 1 lc rgb '#0072B2' title 'air passengers'
