import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// findBy*/waitFor give up after this long (the default 1 s is too short on a loaded 2-core CI machine).
configure({ asyncUtilTimeout: 10000 });
