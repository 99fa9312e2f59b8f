// Copies the SVG icons next to the compiled code: nodes and the credential point at
// `file:../../icons/…` and `file:../icons/…`, relative to their own files in dist/.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.' }).pipe(
		dest('dist'),
	);
}

exports['build:icons'] = buildIcons;
