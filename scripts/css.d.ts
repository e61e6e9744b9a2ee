// The UI imports its stylesheet; esbuild bundles it into app.css.
declare module "*.css";
